import type { ValueChoice } from './vocabulary';

/** The objects the model and the bus store: the n-th one made is the same object on both sides. */
export class SharedObjects {
  private readonly objects: object[] = [];

  nth(index: number): object {
    let object = this.objects[index];
    if (!object) {
      object = { index, nested: { list: [index] } };
      this.objects[index] = object;
    }
    return object;
  }
}

/**
 * Turns a value choice into a value, for one side. Both sides make objects in the same order, so
 * `getState` can be compared by identity (the bus must store the very object it was given).
 */
export class ValueMaker {
  private objectsMade = 0;

  constructor(private readonly shared: SharedObjects) {}

  make(choice: ValueChoice): unknown {
    switch (choice) {
      case 'zero':
        return 0;
      case 'minus-zero':
        return -0;
      case 'one':
        return 1;
      case 'nan':
        return Number.NaN;
      case 'object':
        return this.shared.nth(this.objectsMade++);
    }
  }
}
