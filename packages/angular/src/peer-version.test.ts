import { VERSION } from '@angular/core';

it('runs on the Angular its test project names (angular 21, angular 20)', ({ task }) => {
  expect(`angular ${VERSION.major}`).toBe(task.file.projectName);
});
