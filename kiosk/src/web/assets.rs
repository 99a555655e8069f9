//! The kiosk's stylesheet and other files, compiled into the binary: nothing is fetched from
//! anywhere else.

use include_dir::{Dir, include_dir};
use warp::http::{Response, StatusCode};
use warp::{Filter, Rejection, Reply};

static ASSETS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets");

/// `GET /assets/<file>`.
pub fn routes() -> impl Filter<Extract = (impl Reply,), Error = Rejection> + Clone {
    warp::path("assets")
        .and(warp::path::param::<String>())
        .and(warp::path::end())
        .and(warp::get())
        .and_then(|name: String| async move {
            let Some(file) = ASSETS.get_file(&name) else {
                return Err(warp::reject::not_found());
            };
            let mime = match name.rsplit('.').next() {
                Some("css") => "text/css; charset=utf-8",
                Some("svg") => "image/svg+xml",
                Some("js") => "text/javascript; charset=utf-8",
                _ => "application/octet-stream",
            };
            Ok(Response::builder()
                .status(StatusCode::OK)
                .header("content-type", mime)
                .body(file.contents().to_vec())
                .expect("valid response"))
        })
}
