//! `omtanke serve`: build the site and serve it on 127.0.0.1 for previewing.

use std::net::SocketAddr;
use std::path::PathBuf;

use warp::Filter;

/// Serves the built site in `dir` on 127.0.0.1:`port` until Ctrl-C. Port 0 picks a free port.
/// `ready` is called with the bound address once the server listens.
pub async fn serve_dir(dir: PathBuf, port: u16, ready: impl FnOnce(SocketAddr)) -> std::io::Result<()> {
    let not_found = dir.join("404.html");
    let files = warp::get().and(warp::fs::dir(dir));
    let fallback = warp::get()
        .and(warp::fs::file(not_found))
        .map(|reply| warp::reply::with_status(reply, warp::http::StatusCode::NOT_FOUND));
    let routes = files.or(fallback);
    let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], port))).await?;
    ready(listener.local_addr()?);
    warp::serve(routes)
        .incoming(listener)
        .graceful(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .run()
        .await;
    Ok(())
}
