import { useTranslation } from 'react-i18next';
import type { CommandState } from './useCommand';

export function CommandStatus({ state }: { state: CommandState }) {
  const { t } = useTranslation();
  if (state.status === 'error') {
    return (
      <p role="alert" className="error">
        {t(`errors.${state.code}`)}
      </p>
    );
  }
  return (
    <p role="status" className="hint">
      {state.status === 'busy' ? t('facilitator.saving') : state.status === 'done' ? t('facilitator.saved') : ''}
    </p>
  );
}
