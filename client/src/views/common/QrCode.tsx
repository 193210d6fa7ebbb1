/** A QR code drawn as SVG from the module matrix: sharp at any size, no image request. */
import QRCode from 'qrcode';
import { useMemo } from 'react';

export function QrCode({ text, label, size }: { text: string; label: string; size: number }) {
  const path = useMemo(() => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    let d = '';
    for (let y = 0; y < modules.size; y++) {
      for (let x = 0; x < modules.size; x++) if (modules.get(x, y)) d += `M${x} ${y}h1v1h-1z`;
    }
    return { d, n: modules.size };
  }, [text]);
  const quiet = 4;
  const extent = path.n + 2 * quiet;
  return (
    <svg className="qr" role="img" aria-label={label} width={size} height={size} viewBox={`${-quiet} ${-quiet} ${extent} ${extent}`} shapeRendering="crispEdges">
      <rect x={-quiet} y={-quiet} width={extent} height={extent} fill="#fff" />
      <path d={path.d} fill="#000" />
    </svg>
  );
}
