// Learning aids for sign videos: speed (0.5x, 0.75x, 1x), loop, mirror, play again, and keys.
// Progressive enhancement: without this script the video still plays with the browser's controls.
(function () {
  'use strict';
  var SPEEDS = [0.5, 0.75, 1];

  function enhance(fig) {
    if (fig.getAttribute('data-enhanced')) return;
    fig.setAttribute('data-enhanced', '1');
    var video = fig.querySelector('video');
    var controls = fig.querySelector('.sign-controls');
    var keys = fig.querySelector('.sign-keys');
    if (!video || !controls) return;
    controls.hidden = false;
    if (keys) keys.hidden = false;

    function press(button, on) { if (button) button.setAttribute('aria-pressed', on ? 'true' : 'false'); }

    function setSpeed(rate) {
      video.playbackRate = rate;
      video.defaultPlaybackRate = rate;
      var buttons = controls.querySelectorAll('[data-speed]');
      for (var i = 0; i < buttons.length; i++) press(buttons[i], Number(buttons[i].getAttribute('data-speed')) === rate);
    }
    function step(direction) {
      var i = SPEEDS.indexOf(video.playbackRate);
      if (i < 0) i = SPEEDS.length - 1;
      setSpeed(SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, i + direction))]);
    }
    function toggleLoop() { video.loop = !video.loop; press(controls.querySelector('[data-loop]'), video.loop); }
    function toggleMirror() {
      var on = !fig.classList.contains('mirrored');
      fig.classList.toggle('mirrored', on);
      press(controls.querySelector('[data-mirror]'), on);
    }
    function replay() { video.currentTime = 0; var p = video.play(); if (p && p.catch) p.catch(function () {}); }
    function playPause() {
      if (video.paused) { var p = video.play(); if (p && p.catch) p.catch(function () {}); } else { video.pause(); }
    }

    controls.addEventListener('click', function (e) {
      var b = e.target.closest('button');
      if (!b) return;
      if (b.hasAttribute('data-speed')) setSpeed(Number(b.getAttribute('data-speed')));
      else if (b.hasAttribute('data-loop')) toggleLoop();
      else if (b.hasAttribute('data-mirror')) toggleMirror();
      else if (b.hasAttribute('data-replay')) replay();
    });

    fig.addEventListener('keydown', function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      var t = e.target;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT')) return;
      var handled = true;
      switch (e.key) {
        case 'k': case 'K': playPause(); break;
        case 's': case 'S': step(-1); break;
        case 'f': case 'F': step(1); break;
        case 'l': case 'L': toggleLoop(); break;
        case 'm': case 'M': toggleMirror(); break;
        case 'r': case 'R': replay(); break;
        case 'ArrowLeft': if (t === video) { handled = false; break; } video.currentTime = Math.max(0, video.currentTime - 1); break;
        case 'ArrowRight': if (t === video) { handled = false; break; } video.currentTime = Math.min(video.duration || 0, video.currentTime + 1); break;
        default: handled = false;
      }
      if (handled) e.preventDefault();
    });
  }

  function all() {
    var figs = document.querySelectorAll('[data-sign-player]');
    for (var i = 0; i < figs.length; i++) enhance(figs[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', all); else all();
})();
