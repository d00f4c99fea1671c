// 1,000 React components, each bound to its own key; one operation = one key updated and its component
// re-rendered (inside flushSync, so both are done when it returns). Needs a DOM: see suites/react.js.
import { createBus } from '@mfe-bus/core';
import { BusProvider, useBusState } from '@mfe-bus/react';
import { useStore } from '@nanostores/react';
import { atom } from 'nanostores';
import { createContext, createElement, Fragment, useContext } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { sink } from './common.js';

export { sink };

const COMPONENTS = 1000;
const key = (index) => `cell:${index}`;

/** Every render counts as a handler call (the suite checks one update re-renders one component). */
function rendered(value) {
  sink.calls++;
  return createElement('span', null, value.count);
}

/** The atoms of this instance's nanostores cells (an instance mounts one binding, once). */
let stores = [];

function BusCell({ index }) {
  return rendered(useBusState(key(index))[0]);
}
function AtomCell({ index }) {
  return rendered(useStore(stores[index]));
}
/** The same nanostores cell reading one (unchanging) context, as the mfe-bus hooks do to find their bus. */
const Probe = createContext(null);
function AtomCellWithContext({ index }) {
  useContext(Probe);
  return rendered(useStore(stores[index]));
}

function atoms(Cell) {
  stores = Array.from({ length: COMPONENTS }, () => atom({ count: 0 }));
  return {
    Cell,
    wrap: (cells) => createElement(Fragment, null, cells),
    update: (index, count) => stores[index].set({ count }),
  };
}

const bindings = {
  'mfe-bus': () => {
    const bus = createBus();
    for (let i = 0; i < COMPONENTS; i++) bus.setState(key(i), { count: 0 });
    return {
      Cell: BusCell,
      wrap: (cells) => createElement(BusProvider, { bus }, cells),
      update: (index, count) => bus.setState(key(index), { count }),
    };
  },
  nanostores: () => atoms(AtomCell),
  'nanostores + useContext': () => atoms(AtomCellWithContext),
};

export function updateOneCell(binding) {
  const { Cell, wrap, update } = bindings[binding]();
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  const cells = Array.from({ length: COMPONENTS }, (_, index) => createElement(Cell, { key: index, index }));
  flushSync(() => root.render(wrap(cells)));
  let count = 0;
  return (n) => {
    for (let i = 0; i < n; i++) {
      count++;
      flushSync(() => update((count * 389) % COMPONENTS, count));
    }
  };
}
