package cn.referral.platform.testapp;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.referral.platform.events.EventFactory;
import cn.referral.platform.testapp.PlatformTestApplication.ItemSnapshotV1;
import cn.referral.platform.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import reactor.core.publisher.Mono;

/** Endpoints that fail in every way a client or the server can make a request fail. */
@RestController
@RequestMapping("/items")
class ItemController {

    /** An explicit request DTO: only these fields bind. */
    record NewItem(@NotBlank String name, @Min(1) int quantity, LocalDate availableFrom) {
    }

    /** What was created, and the traceparent of the event the creation caused. */
    record CreatedItem(String itemId, String name, int quantity, String eventTraceparent) {
    }

    private final EventFactory events;

    ItemController(EventFactory events) {
        this.events = events;
    }

    @PostMapping
    Mono<ResponseEntity<CreatedItem>> create(@Valid @RequestBody NewItem item) {
        String id = UUID.randomUUID().toString();
        return events.event(PlatformTestApplication.ITEMS_TOPIC, PlatformTestApplication.ITEM_SNAPSHOT, id,
                        new ItemSnapshotV1(id, item.name(), 1))
                .map(event -> ResponseEntity.created(URI.create("/items/" + id))
                        .body(new CreatedItem(id, item.name(), item.quantity(), event.traceparent())));
    }

    @GetMapping
    Mono<List<String>> list(@RequestParam("limit") int limit) {
        return Mono.just(List.of());
    }

    /** A list answered once something slower than the event loop has finished, as a database read is. */
    @GetMapping("/later")
    Mono<List<String>> listLater() {
        return Mono.delay(Duration.ofMillis(100)).thenReturn(List.of());
    }

    @GetMapping("/{id}")
    Mono<CreatedItem> get(@PathVariable("id") String id) {
        return Mono.error(ProblemException.notFound("Item", id));
    }

    /** A change whose path variable is checked too: the body is then validated with it, as one method call. */
    @PutMapping("/{id}")
    Mono<CreatedItem> replace(@PathVariable("id") @Pattern(regexp = "item-\\d+", message = "must be item-<number>")
                              String id, @Valid @RequestBody NewItem item) {
        return Mono.just(new CreatedItem(id, item.name(), item.quantity(), null));
    }

    @GetMapping("/broken")
    Mono<CreatedItem> broken() {
        throw new IllegalStateException("Connection to mongodb://admin:s3cret@10.0.0.7:27017 refused");
    }

    @GetMapping("/broken-later")
    Mono<CreatedItem> brokenLater() {
        return Mono.error(new IllegalStateException("Connection to mongodb://admin:s3cret@10.0.0.7:27017 refused"));
    }
}
