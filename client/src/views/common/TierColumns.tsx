/**
 * The consolidated priorities as columns I / II / III (and "too few data" when
 * needed), moved themes marked in words, not only by position (SPEC C-3). The
 * facilitator's board adds drag and drop and buttons through the props.
 */
import { ThemeName } from './ThemeName';
import type { DragEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consolidation, ConsolidatedTheme } from '../../../../shared/domain/consolidation';
import { TIERS, type Tier } from '../../../../shared/domain/tiering';
import type { WorkshopConfig } from '../../../../shared/schemas';
import { TierBadge } from './TierBadge';

export interface TierColumnsProps {
  consolidation: Consolidation;
  config: WorkshopConfig;
  /** Extra controls under each theme (the facilitator's move buttons). */
  actions?: (theme: ConsolidatedTheme, name: string) => ReactNode;
  /** Makes themes draggable and columns drop targets. */
  onDrop?: (themeId: string, tier: Tier) => void;
}

const DRAG_TYPE = 'application/x-konsens-theme';

export function TierColumns({ consolidation, config, actions, onDrop }: TierColumnsProps) {
  const { t } = useTranslation();
  const names = new Map(config.themes.map((theme) => [theme.id, theme.name]));
  const columns: (Tier | null)[] = consolidation.themes.some((c) => c.tier === null) ? [...TIERS, null] : [...TIERS];
  const drop = (tier: Tier | null) =>
    onDrop && tier
      ? {
          onDragOver: (event: DragEvent) => {
            if (event.dataTransfer.types.includes(DRAG_TYPE)) event.preventDefault();
          },
          onDrop: (event: DragEvent) => {
            const themeId = event.dataTransfer.getData(DRAG_TYPE);
            event.preventDefault();
            if (themeId) onDrop(themeId, tier);
          },
        }
      : {};
  return (
    <div className={`tier-columns columns-${columns.length}`}>
      {columns.map((tier) => {
        const themes = consolidation.themes.filter((c) => c.tier === tier);
        return (
          <section key={tier ?? 'none'} className={`tier-column column-${tier ?? 'none'}`} aria-label={tier ? t(`tier.${tier}`) : t('tier.none')} {...drop(tier)}>
            <h3>
              <TierBadge tier={tier} />
            </h3>
            {themes.length === 0 && <p className="hint">{onDrop && tier ? t('consolidation.dropHere') : t('consolidation.empty')}</p>}
            <ul>
              {themes.map((theme) => {
                const name = names.get(theme.themeId) ?? theme.themeId;
                return (
                  <li
                    key={theme.themeId}
                    className={theme.moved ? 'tier-card moved' : 'tier-card'}
                    data-theme={theme.themeId}
                    draggable={onDrop ? true : undefined}
                    tabIndex={onDrop ? -1 : undefined}
                    onDragStart={onDrop ? (event) => event.dataTransfer.setData(DRAG_TYPE, theme.themeId) : undefined}
                  >
                    <span className="theme-name">
                      <ThemeName name={name} />
                    </span>
                    {theme.moved && (
                      <span className="moved-note">
                        <span aria-hidden="true">↕ </span>
                        {t('consolidation.movedFrom', { tier: theme.computed ? t(`tier.${theme.computed}`) : t('tier.none') })}
                      </span>
                    )}
                    {theme.reason && <span className="reason">„{theme.reason}“</span>}
                    {actions?.(theme, name)}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
