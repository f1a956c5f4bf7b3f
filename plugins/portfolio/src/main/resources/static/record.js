// Records sound in the browser for young learners who cannot type much: the recording is put into
// the form's file field and sent like any other file. Without a microphone or MediaRecorder the
// plain file field (which on a phone offers the recorder) is all there is.
(function () {
  'use strict';
  var form = document.querySelector('form[data-recorder]');
  if (!form || !window.MediaRecorder || !navigator.mediaDevices || !window.DataTransfer) return;
  var box = form.querySelector('.recorder');
  var record = form.querySelector('[data-record]');
  var stop = form.querySelector('[data-stop]');
  var status = form.querySelector('[data-status]');
  var input = form.querySelector('input[type=file]');
  // The words come from the page, in the reader's language (data- attributes the template fills).
  var words = form.dataset;
  var recorder = null;
  var parts = [];
  box.hidden = false;
  record.addEventListener('click', function () {
    navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
      parts = [];
      recorder = new MediaRecorder(stream);
      recorder.ondataavailable = function (e) { if (e.data.size) parts.push(e.data); };
      recorder.onstop = function () {
        stream.getTracks().forEach(function (t) { t.stop(); });
        var type = recorder.mimeType || 'audio/webm';
        var file = new File(parts, 'recording.' + (type.indexOf('ogg') >= 0 ? 'ogg' : 'webm'), { type: type });
        var dt = new DataTransfer();
        dt.items.add(file);
        input.files = dt.files;
        status.textContent = words.recorded;
        record.hidden = false;
        stop.hidden = true;
      };
      recorder.start();
      status.textContent = words.recording;
      record.hidden = true;
      stop.hidden = false;
      stop.focus();
    }).catch(function () { status.textContent = words.noMicrophone; });
  });
  stop.addEventListener('click', function () { if (recorder) recorder.stop(); });
})();
