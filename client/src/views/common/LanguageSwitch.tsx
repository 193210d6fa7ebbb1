import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../../i18n';

const NAMES: Record<Language, string> = { de: 'Deutsch', en: 'English' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const choose = (language: Language) => {
    setLoading(true);
    setFailed(false);
    setLanguage(language).then(
      () => setLoading(false),
      () => {
        setLoading(false);
        setFailed(true);
      },
    );
  };
  return (
    <div className="language-switch" role="group" aria-label={t('app.language')} aria-busy={loading}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={i18n.language === language}
          onClick={() => choose(language)}
        >
          {NAMES[language]}
        </button>
      ))}
      {/* Always there, so that screen readers announce it when it fills (WCAG 4.1.3). */}
      <span role="status" className="language-problem">
        {failed ? t('app.languageFailed') : ''}
      </span>
    </div>
  );
}
