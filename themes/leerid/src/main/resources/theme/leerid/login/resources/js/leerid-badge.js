// The badge's camera, on the badge page or opened on the login page by "Log in met je badge" (one request less than
// asking the server for the badge page): reads the badge's QR code with jsQR (vendored through npm at build time) and
// sends it as if it had been typed. Without a camera, or without permission, the typed-code field stays and says so.
(function () {
    'use strict';
    var inline = document.getElementById('leerid-badge-inline');
    var start = document.getElementById('leerid-badge');
    if (inline && start) {
        start.addEventListener('click', function (event) {
            event.preventDefault();
            inline.hidden = false;
            document.getElementById('leerid-badge-start').hidden = true;
            startCamera();
        });
    } else {
        startCamera();
    }

    function startCamera() {
        var video = document.getElementById('leerid-badge-video');
        var status = document.getElementById('leerid-badge-camera-status');
        var field = document.getElementById('badge_code');
        var form = document.getElementById('leerid-badge-form');
        if (!video || !status || !field || !form) {
            return;
        }

        function noCamera() {
            status.textContent = status.getAttribute('data-nocamera');
            video.hidden = true;
            field.focus();
        }

        if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || typeof jsQR !== 'function') {
            noCamera();
            return;
        }
        var refused = status.getAttribute('data-refused') === 'true';

        function lastSent() {
            try {
                return window.sessionStorage.getItem('leeridBadgeSent');
            } catch (e) {
                return null;
            }
        }

        function remember(sent) {
            try {
                window.sessionStorage.setItem('leeridBadgeSent', sent);
            } catch (e) {
                // No storage (private mode): a refused badge may be sent once more; the server still counts it.
            }
        }

        var canvas = document.createElement('canvas');
        var context = canvas.getContext('2d', { willReadFrequently: true });
        var stream = null;
        var done = false;

        function scan() {
            if (done) {
                return;
            }
            if (video.readyState >= 2 && video.videoWidth > 0) {
                canvas.width = video.videoWidth;
                canvas.height = video.videoHeight;
                context.drawImage(video, 0, 0, canvas.width, canvas.height);
                var image = context.getImageData(0, 0, canvas.width, canvas.height);
                var code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
                // A badge just refused is still in front of the camera: do not send it again and again (each try
                // counts toward its brute-force protection); another badge is read as usual.
                if (code && code.data && !(refused && code.data === lastSent())) {
                    done = true;
                    remember(code.data);
                    field.value = code.data;
                    status.textContent = status.getAttribute('data-found');
                    stream.getTracks().forEach(function (track) { track.stop(); });
                    form.submit();
                    return;
                }
            }
            window.setTimeout(scan, 150);
        }

        navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user' }, audio: false }).then(function (media) {
            stream = media;
            video.srcObject = media;
            video.play();
            status.textContent = status.getAttribute('data-scanning');
            scan();
        }, noCamera);
    }
}());
