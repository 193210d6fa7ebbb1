/** A project idea's details in a line or three (SPEC DD-3): lead organisation, partners, estimated cost. */
import { useTranslation } from 'react-i18next';
import type { IdeaDetails } from '../../../../../shared/activities/deepdive/schemas';
import type { Organisation } from '../../../../../shared/schemas';
import { formatEuro } from '../../../i18n';
import { organisationName } from '../../common/organisationName';
import { FactList } from '../../common/FactList';

export function IdeaFacts({ idea, organisations }: { idea: IdeaDetails | null; organisations: readonly Organisation[] }) {
  const { t } = useTranslation();
  if (!idea) return null;
  const lead = organisationName(idea.leadOrganisationId, organisations);
  const facts: [string, string][] = [
    [t('deepdive.facts.lead'), lead ?? t('deepdive.facts.none')],
    ...(idea.partners ? [[t('deepdive.facts.partners'), idea.partners] as [string, string]] : []),
    [t('deepdive.facts.cost'), idea.cost === null ? t('deepdive.facts.open') : formatEuro(idea.cost)],
  ];
  return <FactList facts={facts} className="idea-facts" />;
}
