import { describe, expect, test } from 'vitest';
import { Later } from '../../src/app/later';

describe('Later: a chunk loaded on first use', () => {
  test('loads once, keeps the module, and is null before it arrives', async () => {
    let loads = 0;
    const later = new Later(() => {
      loads++;
      return Promise.resolve({ answer: 42 });
    });
    expect(later.loaded).toBeNull();
    const [a, b] = await Promise.all([later.fetch(), later.fetch()]);
    expect(a).toBe(b);
    expect(later.loaded).toEqual({ answer: 42 });
    later.prefetch();
    expect(loads).toBe(1);
  });

  test('a failed load is tried again on the next use; a failed prefetch throws nothing', async () => {
    let fail = true;
    const later = new Later(() =>
      fail ? Promise.reject(new Error('offline')) : Promise.resolve('module'),
    );
    later.prefetch();
    await expect(later.fetch()).rejects.toThrow('offline');
    expect(later.loaded).toBeNull();
    fail = false;
    await expect(later.fetch()).resolves.toBe('module');
    expect(later.loaded).toBe('module');
  });
});
