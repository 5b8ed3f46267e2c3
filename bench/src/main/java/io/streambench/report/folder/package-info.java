/**
 * A run folder's files: their schemas, and the one reader of them.
 *
 * <p>Each CSV file has one column list ({@link io.streambench.report.folder.RequestsCsv#COLUMNS},
 * {@link io.streambench.report.folder.SummaryCsv#COLUMNS}, {@link io.streambench.report.folder.TimelineCsv#COLUMNS}):
 * a {@link io.streambench.report.folder.Column} per column with its name, unit, meaning and how a row gives its
 * cell. The header, every row and the file's table in reports/README.md come from it, so adding a column is one
 * line there (ReportSchemaTest then fails until the README's table is regenerated with
 * {@code -Dstreambench.updateReadme=true}). {@code run.json} is records ({@link io.streambench.report.folder.RunJson},
 * {@link io.streambench.report.folder.RunJsonConfig}, {@link io.streambench.report.folder.RunJsonResults}), written
 * and read with Jackson through the same types.
 *
 * <p>{@link io.streambench.report.folder.RunFolder} reads a folder back for {@code report}, {@code compare} and
 * {@code merge}: whatever is damaged is an IllegalArgumentException with one line naming the file and the line.
 *
 * <pre>{@code
 * RunFolder run = RunFolder.open(dir);
 * RunJson.Document json = run.json();          // a RunJson.Run, or a RunJson.Merged
 * List<SummaryRow> summary = run.summary();
 * }</pre>
 */
package io.streambench.report.folder;
