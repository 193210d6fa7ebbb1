/** A project idea's details in a line or three (SPEC DD-3): lead organisation, partners, estimated cost. */
import { useTranslation } from 'react-i18next';
import type { IdeaDetails } from '../../../../../shared/activities/deepdive/schemas';
import type { Organisation } from '../../../../../shared/schemas';
import { formatEuro } from './ideaDraft';

export function leadName(idea: IdeaDetails, organisations: readonly Organisation[]): string | null {
  if (idea.leadOrganisationId === null) return null;
  return organisations.find((o) => o.id === idea.leadOrganisationId)?.name ?? idea.leadOrganisationId;
}

export function IdeaFacts({ idea, organisations }: { idea: IdeaDetails | null; organisations: readonly Organisation[] }) {
  const { t } = useTranslation();
  if (!idea) return null;
  const lead = leadName(idea, organisations);
  const facts: [string, string][] = [
    [t('deepdive.facts.lead'), lead ?? t('deepdive.facts.none')],
    ...(idea.partners ? [[t('deepdive.facts.partners'), idea.partners] as [string, string]] : []),
    [t('deepdive.facts.cost'), idea.cost === null ? t('deepdive.facts.open') : formatEuro(idea.cost)],
  ];
  return (
    <dl className="idea-facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
