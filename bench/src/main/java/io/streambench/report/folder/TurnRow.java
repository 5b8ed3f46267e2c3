package io.streambench.report.folder;

/**
 * One {@code turns.csv} row: a metric's statistics over the measured requests of one turn of a stage's
 * conversations.
 *
 * @param turn    the turn, from 1, as text: the last row of a long conversation pools its later turns
 *                ({@code 16+})
 * @param summary the statistics, as a summary.csv row has them
 */
public record TurnRow(String turn, SummaryRow summary) {
}
