// React bindings: one state change re-rendering the one component (of 1,000) bound to it, react-dom's
// production build in a happy-dom document.
import { Window } from 'happy-dom';
import { group, spec } from '../harness/group.js';

const window = new Window({ url: 'http://localhost/' });
for (const name of ['window', 'document', 'navigator', 'HTMLElement', 'Node', 'Element', 'Event', 'MutationObserver']) {
  if (!(name in globalThis) || name === 'navigator') {
    Object.defineProperty(globalThis, name, { value: name === 'window' ? window : window[name], configurable: true });
  }
}

export default async function react() {
  const cell = (name, binding) => spec(name, 'react-cells', 'updateOneCell', [binding], { calls: 1 });
  const groups = [
    await group(
      'react-update',
      'React: one setState re-rendering 1 of 1,000 components',
      [
        cell('@nanostores/react useStore', 'nanostores'),
        cell('@mfe-bus/react useBusState', 'mfe-bus'),
        cell('@nanostores/react useStore + one useContext', 'nanostores + useContext'),
      ],
      { note: 'each update checked to re-render exactly one component' },
    ),
  ];
  await window.happyDOM.close();
  return groups;
}
