(function () {
  var tip = document.getElementById('tc-tip');
  var marks = Array.prototype.slice.call(document.querySelectorAll('mark.tc-hl'));
  // the native title is the no-script fallback; with script the richer tooltip replaces it
  marks.forEach(function (m) { m.setAttribute('data-title', m.getAttribute('title') || ''); m.removeAttribute('title'); });
  var targets = marks.filter(function (m) { return m.hasAttribute('tabindex'); });
  var active = [];
  function chain(mark) {               // the finding ids covering this point, innermost first
    var ids = [], el = mark;
    while (el && el.closest) {
      el = el.closest('mark.tc-hl');
      if (!el) break;
      if (ids.indexOf(el.dataset.f) < 0) ids.push(el.dataset.f);
      el = el.parentElement;
    }
    return ids;
  }
  function part(cls, text) { var s = document.createElement('div'); s.className = cls; s.textContent = text; return s; }
  function show(mark) {
    var ids = chain(mark);
    tip.textContent = '';
    ids.forEach(function (id) {
      var src = document.getElementById('d-' + id);
      if (!src) return;
      var item = document.createElement('div');
      item.className = 'tc-tip-item';
      item.setAttribute('data-f', id);
      item.appendChild(part('tc-tip-head', src.dataset.severity + ' · ' + src.dataset.category + ' · ' + src.dataset.rule));
      item.appendChild(part('tc-tip-msg', src.querySelector('.tc-msg').textContent));
      var sg = src.querySelector('.tc-sugg');
      if (sg) item.appendChild(part('tc-tip-sugg', sg.textContent));
      tip.appendChild(item);
    });
    active.forEach(function (m) { m.classList.remove('tc-active'); });
    active = marks.filter(function (m) { return m.dataset.f === ids[0]; });
    active.forEach(function (m) { m.classList.add('tc-active'); });
    tip.hidden = false;
    var r = mark.getBoundingClientRect();
    var top = window.scrollY + r.bottom + 6;
    var left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8));
    tip.style.top = top + 'px';
    tip.style.left = left + 'px';
  }
  function hide() {
    tip.hidden = true;
    active.forEach(function (m) { m.classList.remove('tc-active'); });
    active = [];
  }
  document.addEventListener('mouseover', function (e) {
    var m = e.target.closest && e.target.closest('mark.tc-hl');
    if (m) show(m);
  });
  document.addEventListener('mouseout', function (e) {
    var m = e.target.closest && e.target.closest('mark.tc-hl');
    if (m && !(e.relatedTarget && e.relatedTarget.closest && e.relatedTarget.closest('mark.tc-hl'))) {
      var f = document.activeElement;
      if (f && f.matches && f.matches('mark.tc-hl')) show(f); else hide();
    }
  });
  document.addEventListener('focusin', function (e) {
    if (e.target.matches && e.target.matches('mark.tc-hl')) show(e.target); else hide();
  });
  document.addEventListener('focusout', function (e) {
    if (e.target.matches && e.target.matches('mark.tc-hl')) hide();
  });
  function go(step) {
    if (!targets.length) return;
    var i = targets.indexOf(document.activeElement);
    i = i < 0 ? (step > 0 ? 0 : targets.length - 1) : (i + step + targets.length) % targets.length;
    targets[i].focus();
    targets[i].scrollIntoView({block: 'center'});
  }
  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    if (e.key === 'j' || e.key === 'n') { go(1); e.preventDefault(); }
    else if (e.key === 'k' || e.key === 'p') { go(-1); e.preventDefault(); }
    else if (e.key === 'Escape') { hide(); }
  });
  // following a link to a finding moves keyboard focus to it
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[href^="#m-"]');
    if (!a) return;
    var m = document.getElementById(a.getAttribute('href').slice(1));
    if (m) { e.preventDefault(); m.focus(); m.scrollIntoView({block: 'center'}); }
  });
})();
