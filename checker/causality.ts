// `interleave/causality`: the true happens-before relation an actor system records with
// `causality: true`, for properties about logical clocks and causal delivery.

export {
  causalEvents,
  happensBefore,
  concurrent,
  compareVectors,
  eventName,
  describeEvent,
  findEventPair,
  causalTrace,
  type CausalLog,
  type CausalEvent,
  type LoggedEvent,
  type EventRef,
  type EventKind,
  type VectorOrder,
} from './actor/causality.ts';
