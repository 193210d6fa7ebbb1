/** An idea's facts in one or two lines (SPEC SE-1): theme, lead organisation, partners, cost. */
import { useTranslation } from 'react-i18next';
import type { SelectionIdea } from '../../../../../shared/activities/selection/schemas';
import type { Organisation } from '../../../../../shared/schemas';
import { formatEuro } from '../../../i18n';
import { organisationName } from '../../common/organisationName';
import { FactList } from '../../common/FactList';

export function IdeaFacts({ idea, organisations, partners = true }: { idea: SelectionIdea; organisations: readonly Organisation[]; partners?: boolean }) {
  const { t } = useTranslation();
  const lead = organisationName(idea.leadOrganisationId, organisations);
  const facts: [string, string][] = [
    [t('selection.idea.theme'), idea.themeName || t('selection.idea.noTheme')],
    [t('selection.idea.lead'), lead ?? t('selection.idea.noLead')],
    ...(partners && idea.partners ? [[t('selection.idea.partners'), idea.partners] as [string, string]] : []),
    [t('selection.idea.cost'), idea.cost === null ? t('selection.idea.noCost') : formatEuro(idea.cost)],
  ];
  return <FactList facts={facts} className="selection-facts" />;
}
