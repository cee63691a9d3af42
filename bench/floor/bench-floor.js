// The machine's floor for the paint budgets (docs/performance.md): this page
// is opened exactly as the popup is and marked as the popup marks itself,
// just after the first frame once the body is parsed, with no work between.
document.addEventListener('DOMContentLoaded', () => {
  requestAnimationFrame(() => setTimeout(() => performance.mark('timeback:floor-painted'), 0));
});
