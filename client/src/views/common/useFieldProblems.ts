/**
 * A form's own check, field by field: forms say `noValidate`, because the
 * browser's bubbles speak the browser's language ("Please fill out this
 * field" on a German page). Problems are keyed by the id of the field they are
 * about; the message is shown next to the field (FieldError), tied to it by
 * aria-describedby, and the first field with a problem takes the focus.
 */
import { useEffect, useState } from 'react';
import { errorId, type FieldProblems } from './fieldChecks';

export interface FieldChecks {
  problems: FieldProblems;
  /** After a try to send: show what was found, focus its first field; true when there is nothing to say. */
  report: (found: FieldProblems) => boolean;
  /** The field was changed: its message no longer applies. */
  clear: (field: string) => void;
  /** aria-invalid and aria-describedby for a field: its hints, then its message when it has one. */
  aria: (field: string, ...hints: (string | undefined)[]) => { 'aria-invalid': true | undefined; 'aria-describedby': string | undefined };
}

export function useFieldProblems(): FieldChecks {
  const [problems, setProblems] = useState<FieldProblems>({});
  const [tries, setTries] = useState(0);
  // Focus after the render, so that the field is announced with its message.
  useEffect(() => {
    const first = Object.keys(problems)[0];
    if (tries > 0 && first) document.getElementById(first)?.focus();
  }, [tries]);
  return {
    problems,
    report(found) {
      setProblems(found);
      setTries((n) => n + 1);
      return Object.keys(found).length === 0;
    },
    clear(field) {
      setProblems((current) => {
        if (!(field in current)) return current;
        const { [field]: _gone, ...rest } = current;
        return rest;
      });
    },
    aria(field, ...hints) {
      const invalid = field in problems;
      const describedBy = [...hints, invalid ? errorId(field) : undefined].filter(Boolean).join(' ');
      return { 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy || undefined };
    },
  };
}
