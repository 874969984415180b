// The layer rules of the code, checked by `npm run lint` (dependency-cruiser) on every import of
// shared/, main/ and renderer/ (static, dynamic, `import type`, `export … from`, require):
//   - shared/ imports nothing from main/ or renderer/, no Node built-in and not electron;
//   - renderer/ never imports main/;
//   - only main/electron.ts and main/preload.ts import 'electron';
//   - inside main/, folders import downward only, in the order of MAIN_ORDER below (bottom first;
//     folders of one rank do not import each other); the LEAVES at main/'s root are utilities any
//     of them may import, and they import no main/ folder; main/preload.ts imports only leaves;
//   - inside renderer/, the same in the order of RENDERER_ORDER: the transport (api/), the
//     interface language (i18n/), the pieces every feature uses (features/common/), the drafting
//     controls the editor and the transcript tab embed (features/drafting/), the features
//     side by side, the meeting page that puts them in tabs, the app's root files on top;
//   - every file of main/ and renderer/ has a place in its order;
//   - no import cycle between files.
const MAIN_ORDER = [['archive'], ['context'], ['audio'], ['asr', 'llm'], ['export', 'drafting'], ['service'], ['serve', 'cli', 'shell'], ['electron.ts']];
const LEAVES = ['paths.ts', 'config.ts', 'fatal.ts', 'security.ts', 'bridge-channels.ts'];
const RENDERER_ORDER = [
  ['styles.css'],
  ['api'],
  ['i18n'],
  ['features/common'],
  ['features/drafting'],
  ['features/editor', 'features/transcript', 'features/recording', 'features/minutes', 'features/library'],
  ['features/meeting'],
  ['App.tsx'],
  ['main.tsx', 'index.html'],
];

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Matches the files of an area (main, renderer) whose first segments (a folder, or a file) are one of names. */
const inArea = (area, names) => `^${area}/(${names.map(esc).join('|')})(/|$)`;
const inMain = (names) => inArea('main', names);
const leaves = inMain(LEAVES);
// Resolved in the project ('node_modules/electron/…') or not installed at all ('electron').
const electron = '(^|/)node_modules/electron/|^electron(/|$)';

/** The rules of one area's order: each rank imports only ranks below it, and not its neighbours. */
function orderRules(area, ranks) {
  return ranks.flatMap((rank, i) => {
    const above = ranks.slice(i + 1).flat();
    const rules = [];
    if (above.length) {
      rules.push({
        name: `${area}-downward-only`,
        comment: `${area}/${rank.join(`, ${area}/`)} may not import ${above.map((n) => `${area}/${n}`).join(', ')}, which is above it`,
        severity: 'error',
        from: { path: inArea(area, rank) },
        to: { path: inArea(area, above) },
      });
    }
    if (rank.length > 1) {
      rules.push({
        name: `${area}-side-by-side`,
        comment: `${area}/${rank.join(`, ${area}/`)} are side by side: neither imports the other`,
        severity: 'error',
        from: { path: inArea(area, rank) },
        to: { path: inArea(area, rank), pathNot: `^${area}/$1(/|$)` },
      });
    }
    return rules;
  });
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-only-shared',
      comment: 'shared/ imports nothing from main/ or renderer/',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(main|renderer)/' },
    },
    {
      name: 'shared-no-node-builtin',
      comment: 'shared/ runs in the browser too: no Node built-in',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-not-main',
      comment: 'renderer/ never imports main/ (the contract is shared/api.ts)',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^main/' },
    },
    {
      name: 'electron-only-in-electron-and-preload',
      comment: 'only main/electron.ts and main/preload.ts import electron',
      severity: 'error',
      from: { pathNot: '^main/(electron|preload)\\.ts$' },
      to: { path: electron },
    },
    ...orderRules('main', MAIN_ORDER),
    ...orderRules('renderer', RENDERER_ORDER),
    {
      name: 'main-leaf-imports-no-folder',
      comment: `main/${LEAVES.join(', main/')} are leaf utilities: they import no other file of main/`,
      severity: 'error',
      from: { path: leaves },
      to: { path: '^main/', pathNot: leaves },
    },
    {
      name: 'main-preload-only-leaves',
      comment: 'main/preload.ts imports only leaf utilities (paths, security, bridge-channels)',
      severity: 'error',
      from: { path: '^main/preload\\.ts$' },
      to: { path: '^main/', pathNot: leaves },
    },
    {
      name: 'main-nothing-imports-preload',
      comment: 'nothing imports main/preload.ts (it runs in the renderer process)',
      severity: 'error',
      from: {},
      to: { path: '^main/preload\\.ts$' },
    },
    {
      name: 'no-cycle',
      comment: 'no import cycle between files',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  required: [
    {
      // A rule on each matching file, which no dependency can satisfy: every file of main/ whose
      // folder has no rank in MAIN_ORDER (and is no leaf nor preload.ts) is reported.
      name: 'main-placed-in-order',
      comment: 'every folder of main/ has a place in the layer order (.dependency-cruiser.cjs, MAIN_ORDER)',
      severity: 'error',
      module: { path: '^main/', pathNot: inMain([...MAIN_ORDER.flat(), ...LEAVES, 'preload.ts']) },
      to: { path: '^$' },
    },
    {
      name: 'renderer-placed-in-order',
      comment: 'every folder of renderer/ has a place in the layer order (.dependency-cruiser.cjs, RENDERER_ORDER)',
      severity: 'error',
      module: { path: '^renderer/', pathNot: inArea('renderer', RENDERER_ORDER.flat()) },
      to: { path: '^$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.d\\.ts$' },
    // `import type` and type-only re-exports count as imports too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: require('node:path').join(__dirname, 'tsconfig.json') },
  },
};
