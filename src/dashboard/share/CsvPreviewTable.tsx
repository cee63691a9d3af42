import { parseCsv } from './csvText.js';

/**
 * The CSV text of an export, shown as a table. It reads the very text that
 * will be downloaded (not the data behind it), so what is seen is what is
 * shared. The first line is the header row.
 */
export function CsvPreviewTable({ text, caption, id }: { text: string; caption: string; id: string }) {
  // The file starts with a byte-order mark for spreadsheets; it is not part of the first cell.
  const [header = [], ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  return (
    // Focusable and named, so a long or wide table can be scrolled from the keyboard.
    <div class="table-scroll share-preview-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table class="table">
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            {header.map((cell, i) => (
              <th key={i} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
