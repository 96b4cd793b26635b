/*
 * PrimeFaces 15 labels a date picker's calendar button "Choose Date" (aria-label) but gives it the
 * hidden text "ui-button", so screen readers and axe (label-content-name-mismatch) meet two names.
 * Give the hidden text the button's label whenever such a button appears (page load, AJAX update);
 * it stays hidden, and the button has one name.
 */
(function () {
    function nameCalendarButtons() {
        document.querySelectorAll('.ui-datepicker-trigger[aria-label] .ui-button-text').forEach(function (text) {
            var label = text.parentElement.getAttribute('aria-label');
            if (text.textContent !== label) {
                text.textContent = label;
            }
        });
    }
    new MutationObserver(nameCalendarButtons).observe(document.documentElement,
            {subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label']});
    nameCalendarButtons();
}());
