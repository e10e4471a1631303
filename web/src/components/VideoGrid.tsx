import { useRef } from 'react';
import { useElementSize } from '../hooks/useElementSize';
import { gridLayout } from '../meeting/gridLayout';
import { VideoTile, type TileModel } from './VideoTile';

/** Space between tiles, in CSS pixels. */
const GAP = 8;

/** VideoGrid lays the tiles out as large as they fit, 16:9 each (see gridLayout). */
export function VideoGrid({ tiles }: { tiles: readonly TileModel[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const size = useElementSize(ref);
  const layout = gridLayout(tiles.length, size.width, size.height, GAP);
  return (
    <div
      ref={ref}
      className="video-grid"
      data-columns={layout.columns}
    >
      <div
        className="video-grid__tiles"
        style={{
          gap: GAP,
          width:
            layout.tileWidth > 0 ? layout.columns * layout.tileWidth + (layout.columns - 1) * GAP : undefined,
        }}
      >
        {tiles.map((tile) => (
          <VideoTile
            key={tile.local ? 'local' : tile.participantId}
            tile={tile}
            width={layout.tileWidth}
            height={layout.tileHeight}
          />
        ))}
      </div>
    </div>
  );
}
