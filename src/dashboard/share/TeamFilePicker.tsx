import { useState } from 'preact/hooks';
import { t } from '../../ui/i18n.js';

/**
 * Where a team lead gives the export files: the file input is the control
 * (keyboard and screen reader users choose files with it as usual); dropping
 * files anywhere on the box is an extra for mouse users.
 */
export function TeamFilePicker({ onFiles }: { onFiles: (files: File[]) => void }) {
  const [over, setOver] = useState(false);
  return (
    <div
      class={over ? 'drop-zone drop-zone-active' : 'drop-zone'}
      onDragOver={(e) => {
        // Without this the browser opens a dropped file instead of handing it over.
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const files = [...(e.dataTransfer?.files ?? [])];
        if (files.length > 0) onFiles(files);
      }}
    >
      <div class="field">
        <label for="team-files">{t('share_teamFilesLabel')}</label>
        <p class="hint" id="team-files-hint">
          {t('share_teamFilesHint')}
        </p>
        <input
          id="team-files"
          type="file"
          class="file-input"
          multiple
          accept=".json,application/json"
          aria-describedby="team-files-hint"
          onChange={(e) => onFiles([...(e.currentTarget.files ?? [])])}
        />
      </div>
    </div>
  );
}
