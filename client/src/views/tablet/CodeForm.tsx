import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseCode } from './code';

export function CodeForm({ onCode, error }: { onCode: (code: string) => void; error?: string | null }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [empty, setEmpty] = useState(false);
  const shown = empty ? t('join.codeMissing') : error;
  return (
    <form
      className="card stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const code = normaliseCode(value);
        setEmpty(!code);
        if (code) onCode(code);
      }}
    >
      <h1>{t('join.title')}</h1>
      <label htmlFor="join-code">{t('join.code')}</label>
      <input
        id="join-code"
        className="code-input"
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setEmpty(false);
        }}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        aria-describedby={shown ? 'join-code-hint join-code-error' : 'join-code-hint'}
        aria-invalid={shown ? true : undefined}
        aria-required="true"
      />
      <p id="join-code-hint" className="hint">
        {t('join.codeHint')}
      </p>
      {shown && (
        <p id="join-code-error" role="alert" className="error">
          {shown}
        </p>
      )}
      <button type="submit" className="primary">
        {t('join.next')}
      </button>
    </form>
  );
}
