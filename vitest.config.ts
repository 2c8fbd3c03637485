import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Packing and installing the package takes minutes: `npm run test:package`.
    exclude: [...configDefaults.exclude, 'test/package/**'],
    // Exhaustive searches are CPU-bound; the budget is generous so that a loaded CI machine
    // does not fail a correct run. Speed is measured in bench/, never asserted here.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
