package main

import (
	"sync"
)

// streamSender serialises sends on one gRPC server stream: a stream's Send must not be called from
// several goroutines at once, and exec copies a child's stdout and stderr on separate goroutines.
type streamSender struct {
	mu   sync.Mutex
	send func(stdout, stderr []byte) error
}

// writer returns an io.Writer whose chunks go out as stdout (or stderr) messages.
func (s *streamSender) writer(isStderr bool) *streamWriter {
	return &streamWriter{sender: s, isStderr: isStderr}
}

func (s *streamSender) emit(stdout, stderr []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.send(stdout, stderr)
}

type streamWriter struct {
	sender   *streamSender
	isStderr bool
}

func (w *streamWriter) Write(p []byte) (int, error) {
	// exec reuses its buffer after Write returns, and Send may keep a reference until it is serialised.
	chunk := append([]byte(nil), p...)
	var err error
	if w.isStderr {
		err = w.sender.emit(nil, chunk)
	} else {
		err = w.sender.emit(chunk, nil)
	}
	if err != nil {
		return 0, err
	}
	return len(p), nil
}
