/// A game whose values are cheaper to compute many at a time (a reward model behind HTTP scores a
/// batch of texts per request).
///
/// `prefetch(_:)` computes and keeps the values of the given coalitions so that the following
/// `value(of:)` calls for them are served without another evaluation. It changes no value and, by
/// itself, no call count (`MeteredGame` counts a coalition when `value(of:)` asks for it). Errors
/// are the ones `value(of:)` would throw for the same coalitions.
public protocol PrefetchingGame: CooperativeGame {
    func prefetch(_ coalitions: [Coalition]) throws
}
