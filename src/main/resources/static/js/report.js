// Report pages: the Print button (no inline script: the content security policy forbids it).
document.addEventListener('DOMContentLoaded', function () {
  var print = document.getElementById('print');
  if (print) {
    print.addEventListener('click', function () { window.print(); });
  }
});
