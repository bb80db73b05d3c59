import { describe, expect, it } from 'vitest';
import { placeBox, withCategory } from './box-geometry';

describe('boxes over their image', () => {
  it('places a relative box as the file has it', () => {
    expect(placeBox([0.1, 0.2, 0.5, 0.25], undefined)).toEqual({
      left: 0.1,
      top: 0.2,
      width: 0.5,
      height: 0.25,
    });
  });

  it('scales a box in pixels by the image size, and leaves it out when the size is unknown', () => {
    expect(placeBox([8, 6, 32, 24], { width: 80, height: 60 })).toEqual({
      left: 0.1,
      top: 0.1,
      width: 0.4,
      height: 0.4,
    });
    expect(placeBox([8, 6, 32, 24], undefined)).toBeUndefined();
  });

  it('cuts a box at the image edge and drops one with no area', () => {
    const cut = placeBox([0.8, 0.5, 0.5, 0.2], undefined);
    expect(cut?.left).toBe(0.8);
    expect(cut?.width).toBeCloseTo(0.2);
    expect(placeBox([0.5, 0.5, 0, 0.2], undefined)).toBeUndefined();
  });

  it('filters the images by category', () => {
    const images = [
      { name: 'a', annotations: [{ categoryId: 1 }] },
      { name: 'b', annotations: [{ categoryId: 2 }, { categoryId: 1 }] },
      { name: 'c', annotations: [] },
    ];
    expect(withCategory(images, 2).map((i) => i.name)).toEqual(['b']);
    expect(withCategory(images, undefined)).toHaveLength(3);
  });
});
