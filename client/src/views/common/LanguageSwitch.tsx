import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../../i18n';

const NAMES: Record<Language, string> = { de: 'Deutsch', en: 'English' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={i18n.language === language}
          onClick={() => void setLanguage(language).catch(() => undefined)}
        >
          {NAMES[language]}
        </button>
      ))}
    </div>
  );
}
