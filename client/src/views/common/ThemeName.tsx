/**
 * A theme name that may break after a slash ("Innenstadt/<wbr>Dorfmitte")
 * rather than inside a word; hyphenation (`hyphens: auto` with lang="de")
 * handles the rest.
 */
import { Fragment } from 'react';

export function ThemeName({ name }: { name: string }) {
  const parts = name.split('/');
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && (
            <>
              /<wbr />
            </>
          )}
          {part}
        </Fragment>
      ))}
    </>
  );
}
