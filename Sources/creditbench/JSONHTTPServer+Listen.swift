import Foundation
import Service

extension JSONHTTPServer {
    /// What `serve` and `serve-reward` do once their handler is built: bind `host:port` (a bind
    /// failure is a one-line `CommandFailure`), print `listening on http://HOST:PORT/` on standard
    /// output (with the port actually bound, so port 0 can be used; scripts wait for this line),
    /// and answer requests until the process is stopped.
    static func listen(host: String, port: Int, handler: @escaping Handler) throws {
        let server: JSONHTTPServer
        do {
            server = try JSONHTTPServer(host: host, port: port, handler: handler)
        } catch {
            throw CommandFailure("\(error)")
        }
        FileHandle.standardOutput.write(Data("listening on http://\(host):\(server.port)/\n".utf8))
        try server.wait()
    }
}
