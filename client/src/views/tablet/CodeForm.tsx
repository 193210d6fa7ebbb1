import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseCode } from './code';

export function CodeForm({ onCode, error }: { onCode: (code: string) => void; error?: string | null }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  return (
    <form
      className="card stack"
      onSubmit={(e) => {
        e.preventDefault();
        const code = normaliseCode(value);
        if (code) onCode(code);
      }}
    >
      <h1>{t('join.title')}</h1>
      <label htmlFor="join-code">{t('join.code')}</label>
      <input
        id="join-code"
        className="code-input"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        aria-describedby="join-code-hint"
        aria-invalid={error ? true : undefined}
        required
      />
      <p id="join-code-hint" className="hint">
        {t('join.codeHint')}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="primary">
        {t('join.next')}
      </button>
    </form>
  );
}
