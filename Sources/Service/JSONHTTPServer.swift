import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A small HTTP/1.1 server for JSON endpoints, on SwiftNIO.
///
/// Each request's body is collected (at most `maximumBodyBytes`; a larger one is answered 413
/// and the connection closed) and handed with its method and path to `handler` on a thread pool
/// of `workerThreads` threads, so slow handlers never block the event loop. The handler's
/// answer is sent as `application/json`; a handler that throws `HTTPFailure` yields that status
/// with `{"error": reason}`, any other error a 500 with its description. Nothing a client sends
/// crashes the server.
public final class JSONHTTPServer: @unchecked Sendable {
    /// An answer with a status other than 200: `{"error": reason}`.
    public struct HTTPFailure: Error, CustomStringConvertible {
        public let status: HTTPResponseStatus
        public let reason: String
        public init(_ status: HTTPResponseStatus, _ reason: String) {
            self.status = status
            self.reason = reason
        }
        public var description: String { "\(status.code) \(reason)" }
    }

    public typealias Handler = @Sendable (_ method: HTTPMethod, _ path: String, _ body: Data) throws -> Data

    public static let defaultMaximumBodyBytes = 8 << 20

    private let group: MultiThreadedEventLoopGroup
    private let pool: NIOThreadPool
    private let channel: Channel

    /// Binds `host:port` (port 0: a free one, see `port`) and starts serving.
    public init(host: String, port: Int, maximumBodyBytes: Int = JSONHTTPServer.defaultMaximumBodyBytes,
                workerThreads: Int = System.coreCount, handler: @escaping Handler) throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let pool = NIOThreadPool(numberOfThreads: max(1, workerThreads))
        pool.start()
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline(withErrorHandling: true).flatMap {
                    channel.pipeline.addHandler(RequestHandler(pool: pool, maximumBodyBytes: maximumBodyBytes, handler: handler))
                }
            }
        do {
            channel = try bootstrap.bind(host: host, port: port).wait()
        } catch {
            try? pool.syncShutdownGracefully()
            try? group.syncShutdownGracefully()
            throw HTTPFailure(.internalServerError, "cannot listen on \(host):\(port) (\(error))")
        }
        self.group = group
        self.pool = pool
    }

    /// The port actually bound.
    public var port: Int { channel.localAddress?.port ?? 0 }

    /// Blocks until the server is closed.
    public func wait() throws { try channel.closeFuture.wait() }

    /// Stops listening and releases the threads.
    public func shutdown() {
        try? channel.close().wait()
        try? pool.syncShutdownGracefully()
        try? group.syncShutdownGracefully()
    }

    /// A handler's JSON answer, or `{"error": reason}`.
    static func errorBody(_ reason: String) -> Data {
        (try? JSONEncoder().encode(["error": reason])) ?? Data("{}".utf8)
    }

    private final class RequestHandler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let pool: NIOThreadPool
        let maximumBodyBytes: Int
        let handler: Handler
        private var head: HTTPRequestHead?
        private var body = ByteBuffer()
        private var tooLarge = false

        init(pool: NIOThreadPool, maximumBodyBytes: Int, handler: @escaping Handler) {
            self.pool = pool
            self.maximumBodyBytes = maximumBodyBytes
            self.handler = handler
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                self.head = head
                body.clear()
                tooLarge = false
            case .body(var chunk):
                guard !tooLarge else { return }
                if body.readableBytes + chunk.readableBytes > maximumBodyBytes {
                    tooLarge = true
                    body.clear()
                } else {
                    body.writeBuffer(&chunk)
                }
            case .end:
                guard let head else { return }
                self.head = nil
                if tooLarge {
                    respond(context: context, head: head, status: .payloadTooLarge,
                            body: JSONHTTPServer.errorBody("request body over \(maximumBodyBytes) bytes"), close: true)
                    return
                }
                let bytes = Data(body.readableBytesView)
                let handler = self.handler
                let path = String(head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                let answer = pool.runIfActive(eventLoop: context.eventLoop) { () -> (HTTPResponseStatus, Data) in
                    do {
                        return (.ok, try handler(head.method, path, bytes))
                    } catch let failure as HTTPFailure {
                        return (failure.status, JSONHTTPServer.errorBody(failure.reason))
                    } catch {
                        return (.internalServerError, JSONHTTPServer.errorBody("\(error)"))
                    }
                }
                let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
                answer.whenComplete { result in
                    let (handler, context) = loopBound.value
                    switch result {
                    case .success(let (status, data)):
                        handler.respond(context: context, head: head, status: status, body: data, close: !head.isKeepAlive)
                    case .failure(let error):
                        handler.respond(context: context, head: head, status: .serviceUnavailable,
                                        body: JSONHTTPServer.errorBody("server shutting down (\(error))"), close: true)
                    }
                }
            }
        }

        private func respond(context: ChannelHandlerContext, head: HTTPRequestHead, status: HTTPResponseStatus, body data: Data, close: Bool) {
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: "application/json")
            headers.add(name: "Content-Length", value: String(data.count))
            if close { headers.add(name: "Connection", value: "close") }
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
            var buffer = context.channel.allocator.buffer(capacity: data.count)
            buffer.writeBytes(data)
            context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
            let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
            if close {
                let channel = context.channel
                done.whenComplete { _ in channel.close(promise: nil) }
            }
        }
    }
}
