// Run as a child process (it installs a happy-dom window as the global DOM); prints JSON.
import { Window } from 'happy-dom';

// React's production build, as in a deployed app (the development build adds checks to every hook call).
process.env.NODE_ENV ??= 'production';

const window = new Window({ url: 'http://localhost/' });
for (const name of ['window', 'document', 'navigator', 'HTMLElement', 'Node', 'Element', 'Event', 'MutationObserver']) {
  if (!(name in globalThis) || name === 'navigator') {
    Object.defineProperty(globalThis, name, { value: name === 'window' ? window : window[name], configurable: true });
  }
}

const { createBus } = await import('@mfe-bus/core');
const { BusProvider, useConnecticState } = await import('@mfe-bus/react');
const { useStore } = await import('@nanostores/react');
const { atom } = await import('nanostores');
const { createContext, createElement, useContext } = await import('react');
const { flushSync } = await import('react-dom');
const { createRoot } = await import('react-dom/client');

const QUICK = process.argv.includes('--quick');
const COMPONENTS = 1000;
const UPDATES = QUICK ? 20 : 200;

/** What the components of the current run read: their render counters and the bus or the atoms. */
const current = { renders: new Int32Array(COMPONENTS), bus: null, stores: [] };

function BusCell({ index }) {
  const [value] = useConnecticState(`cell:${index}`);
  current.renders[index]++;
  return createElement('span', null, value.count);
}

function AtomCell({ index }) {
  const value = useStore(current.stores[index]);
  current.renders[index]++;
  return createElement('span', null, value.count);
}

/** The same nanostores cell reading one (unchanging) React context, as useConnecticState does to find its bus. */
const ProbeContext = createContext(null);
function AtomCellWithContext({ index }) {
  useContext(ProbeContext);
  return AtomCell({ index });
}

function App({ lib }) {
  const Cell = lib === 'mfe-bus' ? BusCell : lib === 'nanostores' ? AtomCell : AtomCellWithContext;
  const cells = Array.from({ length: COMPONENTS }, (_, index) => createElement(Cell, { key: index, index }));
  return lib === 'mfe-bus' ? createElement(BusProvider, { bus: current.bus }, cells) : cells;
}

/**
 * Mounts 1,000 components, each bound to its own key, then times one update of one key at a time
 * (`flushSync`: the update and React's re-render are both done when it returns) and counts renders.
 */
function run(lib) {
  const renders = new Int32Array(COMPONENTS);
  current.renders = renders;
  let update;
  if (lib === 'mfe-bus') {
    const bus = createBus();
    for (let i = 0; i < COMPONENTS; i++) bus.setState(`cell:${i}`, { count: 0 });
    current.bus = bus;
    update = (index, count) => bus.setState(`cell:${index}`, { count });
  } else {
    const stores = Array.from({ length: COMPONENTS }, () => atom({ count: 0 }));
    current.stores = stores;
    update = (index, count) => stores[index].set({ count });
  }

  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  let started = performance.now();
  flushSync(() => root.render(createElement(App, { lib })));
  const mountMs = performance.now() - started;

  const times = [];
  let maxRerendered = 0;
  for (let n = 1; n <= UPDATES; n++) {
    const index = (n * 389) % COMPONENTS;
    const before = renders.reduce((a, b) => a + b, 0);
    started = performance.now();
    flushSync(() => update(index, n));
    times.push(performance.now() - started);
    const rerendered = renders.reduce((a, b) => a + b, 0) - before;
    maxRerendered = Math.max(maxRerendered, rerendered);
    if (container.children[index].textContent !== String(n)) throw new Error(`${lib}: cell ${index} not updated`);
  }
  root.unmount();
  container.remove();
  times.sort((a, b) => a - b);
  return {
    lib,
    components: COMPONENTS,
    updates: UPDATES,
    mountMs,
    medianUpdateMs: times[Math.floor(times.length / 2)],
    p95UpdateMs: times[Math.floor(times.length * 0.95)],
    maxRerendered,
  };
}

// Warm each up once (JIT), then measure each twice, in mirrored order, after a GC (leftovers of the previous
// run are not collected on the next one's time); each keeps its better median.
const libs = ['mfe-bus', 'nanostores', 'nanostores + useContext'];
for (const lib of libs) run(lib);
const best = new Map();
for (const lib of [...libs, ...[...libs].reverse()]) {
  globalThis.gc?.();
  const measured = run(lib);
  if (!best.has(lib) || measured.medianUpdateMs < best.get(lib).medianUpdateMs) best.set(lib, measured);
}
const result = libs.map((lib) => best.get(lib));
await window.happyDOM.close();
process.stdout.write(JSON.stringify(result));
