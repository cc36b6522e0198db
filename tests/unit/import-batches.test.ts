import { ImportBatches } from '../../electron/services/import-batches';

describe('ImportBatches', () => {
  test('cancel aborts the running batch with that id only', async () => {
    const batches = new ImportBatches();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const seen: Record<string, AbortSignal> = {};
    const a = batches.run('a', async (signal) => {
      seen.a = signal;
      await gate;
      return signal.aborted;
    });
    const b = batches.run('b', async (signal) => {
      seen.b = signal;
      await gate;
      return signal.aborted;
    });
    batches.cancel('a');
    release();
    expect(await Promise.all([a, b])).toEqual([true, false]);
  });

  test('a cancel that overtakes its batch makes the batch start aborted, once', async () => {
    const batches = new ImportBatches();
    batches.cancel('early');
    expect(await batches.run('early', async (signal) => signal.aborted)).toBe(true);
    expect(await batches.run('early', async (signal) => signal.aborted)).toBe(false);
  });

  test('cancelAll aborts every running batch', async () => {
    const batches = new ImportBatches();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const runs = ['x', 'y'].map((id) =>
      batches.run(id, async (signal) => {
        await gate;
        return signal.aborted;
      }),
    );
    batches.cancelAll();
    release();
    expect(await Promise.all(runs)).toEqual([true, true]);
  });
});
