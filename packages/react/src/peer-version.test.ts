import { version } from 'react';
import { version as domVersion } from 'react-dom';
import { expect, it } from 'vitest';

it('runs on the React its test project names (react 19, react 18)', ({ task }) => {
  expect(`react ${version.split('.')[0]}`).toBe(task.file.projectName);
  expect(domVersion).toBe(version);
});
