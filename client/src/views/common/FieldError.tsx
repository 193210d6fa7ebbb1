/** A form's own message about one field, next to it (its id is the field's id + "-error"; see useFieldProblems). */
import { useTranslation } from 'react-i18next';
import { errorId, type FieldProblems } from './fieldChecks';
import './fields.css';

export function FieldError({ field, problems }: { field: string; problems: FieldProblems }) {
  const { t } = useTranslation();
  const say = problems[field];
  if (!say) return null;
  return (
    <p id={errorId(field)} role="alert" className="error field-error">
      {say(t)}
    </p>
  );
}
