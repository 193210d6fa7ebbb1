/** Add, rename, reorder and remove items (themes, organisations) with buttons that keyboards and screen readers can use. */
import { useTranslation } from 'react-i18next';
import { newOpId } from '../../net/socket';

export interface Named {
  id: string;
  name: string;
}

export function ListEditor<T extends Named>({
  legend,
  items,
  nameLabel,
  addLabel,
  newItem,
  onChange,
  extra,
}: {
  legend: string;
  items: T[];
  nameLabel: string;
  addLabel: string;
  newItem: (id: string) => T;
  onChange: (items: T[]) => void;
  extra?: (item: T, update: (patch: Partial<T>) => void) => React.ReactNode;
}) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<T>) => onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...items];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    onChange(next);
  };
  return (
    <fieldset className="list-editor">
      <legend>{legend}</legend>
      <ol>
        {items.map((item, index) => (
          <li key={item.id}>
            <label className="visually-hidden" htmlFor={`name-${item.id}`}>
              {nameLabel} {index + 1}
            </label>
            <input id={`name-${item.id}`} value={item.name} maxLength={120} aria-required="true" onChange={(e) => update(index, { name: e.target.value } as Partial<T>)} />
            {extra?.(item, (patch) => update(index, patch))}
            <span className="row-actions">
              <button type="button" className="icon" aria-label={t('facilitator.moveUp', { name: item.name })} disabled={index === 0} onClick={() => move(index, -1)}>
                ↑
              </button>
              <button type="button" className="icon" aria-label={t('facilitator.moveDown', { name: item.name })} disabled={index === items.length - 1} onClick={() => move(index, 1)}>
                ↓
              </button>
              <button type="button" className="icon danger" aria-label={t('facilitator.remove', { name: item.name })} onClick={() => onChange(items.filter((_, i) => i !== index))}>
                ✕
              </button>
            </span>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => onChange([...items, newItem(`x${newOpId().slice(0, 10)}`)])}>
        + {addLabel}
      </button>
    </fieldset>
  );
}
