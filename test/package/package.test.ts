// interleave as its users get it: the packed tarball, installed from the npm registry's point of
// view into fresh projects of the three kinds people have (an ES-module TypeScript project, a
// CommonJS one, plain JavaScript), where `npx interleave check` runs a TypeScript spec that imports
// `interleave`, a vitest test uses `interleave/vitest`, and plain `node` imports the package.
//
// Slow (a build and three installs), so not part of `npm test`: `npm run test:package` (CI runs it
// after the suite). Installs go through npm's cache, offline where it can.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const work = mkdtempSync(join(tmpdir(), 'interleave-package-'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const versionOf = (pkg: string): string => (JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

let tarball = '';
let tarballFiles: string[] = [];

function run(command: string, args: string[], cwd: string): { code: number; out: string } {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

function write(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** A spec of one raw model: holds when it counts to 5, violates BelowTen when it counts to 20. */
const counterSpec = `import { always, defineSpec, type Model } from 'interleave';

type Counter = { readonly n: number };

const counter = (max: number): Model<Counter, 'Inc' | 'Reset'> => ({
  init: () => [{ n: 0 }],
  actions: () => ['Inc', 'Reset'],
  next: (s, a) => (a === 'Inc' ? (s.n < max ? { n: s.n + 1 } : undefined) : { n: 0 }),
  properties: [always('BelowTen', (s) => s.n < 10)],
});

export default defineSpec({
  name: 'Counter',
  configs: {
    small: { model: () => counter(5), expect: 'holds' },
    big: { model: () => counter(20), expect: { violates: 'BelowTen' } },
  },
});
`;

/** A spec whose model throws: the CLI says so in one line and exits 2. */
const throwingSpec = `import { defineSpec } from 'interleave';

export default defineSpec({
  name: 'Throws',
  configs: {
    only: {
      model: () => ({ init: () => [0], actions: () => ['Go'], next: () => { throw new Error('boom'); }, properties: [] }),
      expect: 'holds',
    },
  },
});
`;

const vitestTest = (specImport: string) => `import { check } from 'interleave/vitest';
import { expect, it } from 'vitest';
import spec from '${specImport}';

it('holds', async () => expect(await check(spec, 'small')).toHold());
it('finds the violation', async () => expect(await check(spec, 'big')).toViolate('BelowTen'));
`;

const nodeImport = `const { bfs, always } = await import('interleave');
const model = {
  init: () => [0],
  actions: () => ['Inc'],
  next: (n) => (n < 3 ? n + 1 : undefined),
  properties: [always('small', (n) => n < 10)],
};
const outcome = bfs(model);
console.log(\`\${outcome.status} \${outcome.distinctStates}\`);
`;

interface Project {
  name: string;
  packageJson: Record<string, unknown>;
  files: Record<string, string>;
  /** The node script that imports the package. */
  nodeScript: string;
  /** Typechecks the project with tsc: the package's types resolve through its `exports`. */
  typecheck?: boolean;
}

const projects: Project[] = [
  {
    name: 'esm-typescript',
    packageJson: { type: 'module' },
    files: {
      'specs/counter.ts': counterSpec,
      'specs/throws.ts': throwingSpec,
      'test/counter.test.ts': vitestTest('../specs/counter.ts'),
      'app.js': nodeImport,
      'tsconfig.json': JSON.stringify({
        compilerOptions: { module: 'nodenext', target: 'es2022', strict: true, noEmit: true, allowImportingTsExtensions: true, skipLibCheck: true },
        include: ['specs', 'test'],
      }),
    },
    nodeScript: 'app.js',
    typecheck: true,
  },
  {
    name: 'commonjs-typescript',
    packageJson: {},
    files: {
      'specs/counter.ts': counterSpec,
      'specs/throws.ts': throwingSpec,
      'test/counter.test.ts': vitestTest('../specs/counter.ts'),
      // CommonJS reaches an ES-module package with import(), on every Node 20.
      'app.js': `(async () => {\n${nodeImport}})();\n`,
    },
    nodeScript: 'app.js',
  },
  {
    name: 'plain-javascript',
    packageJson: {},
    files: {
      'specs/counter.ts': counterSpec,
      'specs/throws.ts': throwingSpec,
      // A spec in plain CommonJS JavaScript, as such a project writes it.
      'specs/counter-js.js': `const { always, defineSpec } = require('interleave');

const counter = (max) => ({
  init: () => [{ n: 0 }],
  actions: () => ['Inc'],
  next: (s) => (s.n < max ? { n: s.n + 1 } : undefined),
  properties: [always('BelowTen', (s) => s.n < 10)],
});

module.exports = defineSpec({ name: 'CounterJs', configs: { small: { model: () => counter(5), expect: 'holds' } } });
`,
      'test/counter.test.mjs': vitestTest('../specs/counter.ts'),
      'app.mjs': nodeImport,
    },
    nodeScript: 'app.mjs',
  },
];

beforeAll(() => {
  // What `npm pack`'s prepack does, run first so that its output stays out of pack's JSON.
  execFileSync(npm, ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as {
    filename: string;
    files: { path: string }[];
  }[];
  tarball = join(work, packed[0]!.filename);
  tarballFiles = packed[0]!.files.map((f) => f.path);
}, 300_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('holds only dist, bin, README, LICENSE and package.json', () => {
    const top = [...new Set(tarballFiles.map((p) => p.split('/')[0]))].sort();
    expect(top).toEqual(['LICENSE', 'README.md', 'bin', 'dist', 'package.json']);
    expect(tarballFiles).toContain('dist/index.js');
    expect(tarballFiles).toContain('dist/index.d.ts');
    expect(tarballFiles).toContain('dist/vitest.js');
    expect(tarballFiles).toContain('dist/explore/parallel/worker-bootstrap.mjs');
  });

  describe.each(projects)('installed in a fresh $name project', (project) => {
    const dir = join(work, project.name);

    beforeAll(() => {
      write(dir, {
        'package.json': JSON.stringify({ name: project.name, version: '1.0.0', private: true, ...project.packageJson }, null, 2),
        ...project.files,
      });
      const packages = [tarball, `vitest@${versionOf('vitest')}`, ...(project.typecheck ? [`typescript@${versionOf('typescript')}`] : [])];
      const installed = run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', ...packages], dir);
      expect(installed.code, installed.out).toBe(0);
    }, 300_000);

    it('npx interleave check runs a TypeScript spec importing interleave', () => {
      const r = run(npx, ['interleave', 'check', 'specs/counter.ts'], dir);
      expect(r.out).toContain('Counter/small: holds');
      expect(r.out).toContain('Counter/big: violates BelowTen');
      expect(r.code, r.out).toBe(0);
    });

    it('npx interleave check --workers 2 runs the compiled parallel search', () => {
      const r = run(npx, ['interleave', 'check', 'specs/counter.ts', '--config', 'small', '--workers', '2'], dir);
      expect(r.code, r.out).toBe(0);
      expect(r.out).toContain('Counter/small: holds');
    });

    it('a spec that cannot be loaded is one line saying why, exit 2', () => {
      write(dir, { 'broken/syntax.ts': 'export const x = ;\n' });
      const r = run(npx, ['interleave', 'check', 'broken/syntax.ts'], dir);
      expect(r.code, r.out).toBe(2);
      expect(r.out.trim()).toBe('interleave: broken/syntax.ts: cannot load: line 1, column 17: Unexpected ";"');
    });

    if (project.typecheck) {
      it("typechecks against the package's declarations", () => {
        const r = run(npx, ['tsc', '-p', '.'], dir);
        expect(r.out).toBe('');
        expect(r.code).toBe(0);
      });
    }

    it('a spec whose model throws is one line of bad input, exit 2', () => {
      const r = run(npx, ['interleave', 'check', 'specs/throws.ts'], dir);
      expect(r.code, r.out).toBe(2);
      expect(r.out).toContain('"Go" threw: boom');
      expect(r.out).not.toMatch(/\n\s+at /); // no stack trace
    });

    it('a vitest test uses interleave/vitest', () => {
      const r = run(npx, ['vitest', 'run'], dir);
      expect(r.code, r.out).toBe(0);
      expect(r.out).toMatch(/Tests\s+2 passed/);
    });

    it('plain node imports the package', () => {
      const r = run(process.execPath, [project.nodeScript], dir);
      expect(r.code, r.out).toBe(0);
      expect(r.out.trim()).toBe('holds 4');
    });

    if (project.name === 'plain-javascript') {
      it('npx interleave check runs a CommonJS JavaScript spec', () => {
        const r = run(npx, ['interleave', 'check', 'specs/counter-js.js'], dir);
        expect(r.code, r.out).toBe(0);
        expect(r.out).toContain('CounterJs/small: holds');
      });
    }
  });
});
