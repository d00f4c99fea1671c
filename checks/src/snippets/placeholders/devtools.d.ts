// What the devtools README's blocks leave to the app.
import type { Recorder, TimelineEntry } from '@mfe-bus/devtools';

declare global {
  function render(entries: readonly TimelineEntry[]): void;
  /** Another page's recorder, importing what this one exported. */
  const otherRecorder: Recorder;
}
