/** Every statement that is not withdrawn, with its status: principles, then future pictures, fitted to the screen. */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementView, VisionView } from '../../../../../shared/activities/vision/views';
import { StatementKind, StatusBadge } from '../common/StatementBits';
import { useFitText } from '../common/useFitText';

export function Overview({ statements, workshop }: { statements: StatementView[]; workshop: VisionView }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useFitText(box, statements.map((s) => `${s.title}${s.status}`).join('\n'));
  const ordered = [...statements.filter((s) => s.kind === 'principle'), ...statements.filter((s) => s.kind === 'picture')];
  const columns = ordered.length <= 4 ? 1 : ordered.length <= 12 ? 2 : 3;
  const size = ordered.length <= 4 ? 1.5 : ordered.length <= 12 ? 1.15 : 0.95;
  return (
    <section className="vision-stage overview-stage" aria-labelledby="overview-title">
      <h2 id="overview-title" className="overview-title">
        {t('vision.projector.overview')}
      </h2>
      <div ref={box} className="fit-box">
        {ordered.length === 0 ? (
          <p className="wall-empty">{t('vision.projector.empty')}</p>
        ) : (
          <ul className="overview-list" style={{ '--overview-columns': columns, '--overview-size': `${size}em` } as React.CSSProperties}>
            {ordered.map((s) => (
              <li key={s.id} className={`overview-item status-${s.status}`}>
                <div>
                  <StatementKind statement={s} workshop={workshop} />
                  <p className="overview-name">{s.title}</p>
                </div>
                <StatusBadge status={s.status} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
