/** Text widths for charts that place their labels in pixels (the matrix, the small multiples). */
let canvas: HTMLCanvasElement | null = null;

/** Width of a text in px, a little generous so that the drawn text stays inside its box. */
export function textWidth(text: string, font: string): number {
  canvas ??= document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) return text.length * 0.62 * parseFloat(font.replace(/^\D*/, ''));
  context.font = font;
  return Math.ceil(context.measureText(text).width * 1.03 + 2);
}
