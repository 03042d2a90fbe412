using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using PciZone.Monitoring.Pipeline;

namespace PciZone.Monitoring.Aws.S3;

/// <summary>Turns a bucket and key into a <see cref="LogObject"/> whose content comes from GetObject.</summary>
internal static class S3ObjectReader
{
    public static LogObject LogObject(IAmazonS3 s3, string bucket, string key) =>
        new(bucket + "/" + key, cancellationToken => OpenAsync(s3, bucket, key, cancellationToken));

    private static async Task<Stream> OpenAsync(IAmazonS3 s3, string bucket, string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await s3.GetObjectAsync(
                new GetObjectRequest { BucketName = bucket, Key = key }, cancellationToken).ConfigureAwait(false);
            return new ResponseStream(response);
        }
        catch (AmazonServiceException ex)
        {
            // The pipeline passes this message to FailAsync, and it ends in the dead-letter reason: name the
            // object and the service's answer so an operator can fix the bucket policy or KMS grant.
            throw new IOException(
                $"S3 GetObject s3://{bucket}/{key} failed: {(int)ex.StatusCode} {ex.ErrorCode}: {ex.Message}", ex);
        }
    }

    /// <summary>Disposes the SDK response (and its HTTP connection) with the stream.</summary>
    private sealed class ResponseStream(GetObjectResponse response) : Stream
    {
        private readonly Stream inner = response.ResponseStream;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => inner.Read(buffer);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(buffer, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
