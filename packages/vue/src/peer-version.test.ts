import { expect, it } from 'vitest';
import { version } from 'vue';

it('runs on the Vue its test project names (vue 3.5, vue 3.3)', ({ task }) => {
  expect(`vue ${version.split('.').slice(0, 2).join('.')}`).toBe(task.file.projectName);
});
