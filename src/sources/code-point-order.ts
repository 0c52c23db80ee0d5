// Code-point order for strings. JavaScript's `<` compares UTF-16 code units, which puts characters
// above U+FFFF (surrogate pairs) before U+E000..U+FFFF; code-point order (Python's, and the UTF-8
// byte order object stores list in) puts them after.

function weight(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return weight(x) - weight(y);
  }
  return a.length - b.length;
}
