/** Where this device's answer is: wird gesendet … / gespeichert / nicht gespeichert, with the reason (a live region). */
import { useTranslation } from 'react-i18next';
import type { ConsentEntry } from '../../../store/visionSlice';

export function DeliveryStatus({ entry, refusal }: { entry: ConsentEntry | null; refusal: string | null }) {
  const { t } = useTranslation();
  let text = '';
  if (entry?.delivery === 'sending') text = t('vision.delivery.sending');
  else if (entry?.delivery === 'failed') text = t('vision.delivery.failed', { reason: refusal ?? t('errors.INTERNAL') });
  else if (entry?.delivery === 'saved' && entry.saved) text = t('vision.delivery.saved', { answer: t(`vision.answer.${entry.saved.answer}`) });
  const tone = entry?.delivery === 'failed' ? 'failed' : entry?.delivery === 'sending' ? 'saving' : 'saved';
  return (
    <p role="status" className={`save-status delivery save-${tone}`}>
      {text}
    </p>
  );
}
