// Branching of custom fields in the browser, as progressive enhancement: a field whose "show only
// if" condition does not hold is hidden while the form is filled in. The server decides what is
// stored (a hidden field is saved as "not applicable"); this file only mirrors its expression
// language (org.caseregistry.form.Expression) so that the form shows what will be asked.
(function () {
  'use strict';

  function tokenize(text) {
    var tokens = [];
    var i = 0;
    while (i < text.length) {
      var c = text[i];
      if (/\s/.test(c)) { i++; continue; }
      if (c === '[') {
        var end = text.indexOf(']', i);
        if (end < 0) throw new Error('field');
        tokens.push({ t: 'field', v: text.substring(i + 1, end).trim() });
        i = end + 1; continue;
      }
      if (c === '"' || c === "'") {
        var close = text.indexOf(c, i + 1);
        if (close < 0) throw new Error('string');
        tokens.push({ t: 'lit', v: text.substring(i + 1, close) });
        i = close + 1; continue;
      }
      var number = /^\d*\.?\d+/.exec(text.substring(i));
      if (number) { tokens.push({ t: 'lit', v: Number(number[0]) }); i += number[0].length; continue; }
      var word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.substring(i));
      if (word) { tokens.push({ t: 'word', v: word[0].toLowerCase() }); i += word[0].length; continue; }
      var op = /^(<>|!=|<=|>=|==|&&|\|\||[=<>+\-*\/^(),])/.exec(text.substring(i));
      if (!op) throw new Error('char');
      tokens.push({ t: 'op', v: op[0] }); i += op[0].length;
    }
    return tokens;
  }

  function parse(text) {
    var tokens = tokenize(text);
    var pos = 0;
    function peek(v) { var tk = tokens[pos]; return tk && (tk.t === 'op' || tk.t === 'word') && tk.v === v; }
    function take(v) { if (peek(v)) { pos++; return true; } return false; }
    function or() { var n = and(); while (take('or') || take('||')) { n = { k: 'or', a: n, b: and() }; } return n; }
    function and() { var n = not(); while (take('and') || take('&&')) { n = { k: 'and', a: n, b: not() }; } return n; }
    function not() { if (take('not')) { return { k: 'not', a: not() }; } return cmp(); }
    function cmp() {
      var a = add();
      var ops = ['<>', '!=', '<=', '>=', '==', '=', '<', '>'];
      for (var i = 0; i < ops.length; i++) { if (take(ops[i])) { return { k: 'cmp', op: ops[i], a: a, b: add() }; } }
      return a;
    }
    function add() { var n = mul(); for (;;) { if (take('+')) n = { k: '+', a: n, b: mul() }; else if (take('-')) n = { k: '-', a: n, b: mul() }; else return n; } }
    function mul() { var n = pow(); for (;;) { if (take('*')) n = { k: '*', a: n, b: pow() }; else if (take('/')) n = { k: '/', a: n, b: pow() }; else return n; } }
    function pow() { var b = unary(); if (take('^')) { return { k: '^', a: b, b: pow() }; } return b; }
    function unary() { if (take('-')) return { k: 'neg', a: unary() }; if (take('+')) return unary(); return primary(); }
    function primary() {
      var tk = tokens[pos++];
      if (!tk) throw new Error('end');
      if (tk.t === 'lit') return { k: 'lit', v: tk.v };
      if (tk.t === 'field') {
        var m = /^([a-z][a-z0-9_]*)(?:\(([^)]+)\))?$/.exec(tk.v);
        if (!m) throw new Error('field');
        return { k: 'field', name: m[1], item: m[2] };
      }
      if (tk.t === 'op' && tk.v === '(') { var inner = or(); take(')'); return inner; }
      if (tk.t === 'word') {
        if (tk.v === 'true' || tk.v === 'false') return { k: 'lit', v: tk.v === 'true' };
        var args = [];
        take('(');
        if (!take(')')) { args.push(or()); while (take(',')) args.push(or()); take(')'); }
        return { k: 'call', f: tk.v, args: args };
      }
      throw new Error('token');
    }
    var tree = or();
    if (pos < tokens.length) throw new Error('rest');
    return tree;
  }

  function num(v) {
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
    return null;
  }
  function truthy(v) { if (typeof v === 'boolean') return v; var n = num(v); if (n !== null) return n !== 0; return v !== null && v !== ''; }
  function str(v) { return v === null || v === undefined ? '' : String(v); }

  function evaluate(n, read) {
    switch (n.k) {
      case 'lit': return n.v;
      case 'field': {
        var v = read(n.name);
        if (n.item !== undefined) return Array.isArray(v) && v.indexOf(n.item) >= 0 ? '1' : '0';
        if (Array.isArray(v)) return v.length ? v.join(',') : null;
        return v === '' ? null : v;
      }
      case 'or': return truthy(evaluate(n.a, read)) || truthy(evaluate(n.b, read));
      case 'and': return truthy(evaluate(n.a, read)) && truthy(evaluate(n.b, read));
      case 'not': return !truthy(evaluate(n.a, read));
      case 'neg': { var x = num(evaluate(n.a, read)); return x === null ? null : -x; }
      case 'cmp': {
        var a = evaluate(n.a, read), b = evaluate(n.b, read), na = num(a), nb = num(b), order;
        var eq = n.op === '=' || n.op === '==' || n.op === '<>' || n.op === '!=';
        if (na !== null && nb !== null) order = na < nb ? -1 : na > nb ? 1 : 0;
        else if (eq) order = str(a) < str(b) ? -1 : str(a) > str(b) ? 1 : 0;
        else if (str(a) === '' || str(b) === '') return false;
        else order = str(a) < str(b) ? -1 : str(a) > str(b) ? 1 : 0;
        switch (n.op) {
          case '=': case '==': return order === 0;
          case '<>': case '!=': return order !== 0;
          case '<': return order < 0;
          case '<=': return order <= 0;
          case '>': return order > 0;
          default: return order >= 0;
        }
      }
      case 'call': {
        var vals = n.args.map(function (arg) { return evaluate(arg, read); });
        if (n.f === 'if') return truthy(vals[0]) ? vals[1] : vals[2];
        var nums = vals.map(num).filter(function (v) { return v !== null; });
        switch (n.f) {
          case 'sum': return nums.length ? nums.reduce(function (s, v) { return s + v; }, 0) : null;
          case 'min': return nums.length ? Math.min.apply(null, nums) : null;
          case 'max': return nums.length ? Math.max.apply(null, nums) : null;
          case 'mean': return nums.length ? nums.reduce(function (s, v) { return s + v; }, 0) / nums.length : null;
          case 'abs': return num(vals[0]) === null ? null : Math.abs(num(vals[0]));
          default: return num(vals[0]);
        }
      }
      default: {
        var l = num(evaluate(n.a, read)), r = num(evaluate(n.b, read));
        if (l === null || r === null) return null;
        switch (n.k) {
          case '+': return l + r;
          case '-': return l - r;
          case '*': return l * r;
          case '/': return r === 0 ? null : l / r;
          default: return Math.pow(l, r);
        }
      }
    }
  }

  function valueOf(form, name) {
    var inputs = form.querySelectorAll('[name="values[' + name + ']"]');
    if (!inputs.length) {
      var fixed = form.getAttribute('data-values');
      if (fixed) { try { var known = JSON.parse(fixed); return known[name] === undefined ? null : known[name]; } catch (e) { return null; } }
      return null;
    }
    if (inputs[0].type === 'checkbox') {
      return Array.prototype.filter.call(inputs, function (i) { return i.checked; }).map(function (i) { return i.value; });
    }
    if (inputs[0].type === 'radio') {
      var chosen = Array.prototype.filter.call(inputs, function (i) { return i.checked; });
      return chosen.length ? chosen[0].value : null;
    }
    var row = inputs[0].closest('.custom-field');
    if (row && row.hidden) return null;
    return inputs[0].value === '' ? null : inputs[0].value;
  }

  function refresh(form) {
    var rows = form.querySelectorAll('.custom-field[data-show-if]');
    Array.prototype.forEach.call(rows, function (row) {
      var tree;
      try { tree = parse(row.getAttribute('data-show-if')); } catch (e) { return; }
      var shown = truthy(evaluate(tree, function (name) { return valueOf(form, name); }));
      row.hidden = !shown;
    });
  }

  document.querySelectorAll('form.custom-form').forEach(function (form) {
    refresh(form);
    form.addEventListener('input', function () { refresh(form); });
    form.addEventListener('change', function () { refresh(form); });
  });
})();
